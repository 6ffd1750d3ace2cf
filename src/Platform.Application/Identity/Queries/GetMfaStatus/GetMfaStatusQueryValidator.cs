using FluentValidation;

namespace Platform.Application.Identity.Queries.GetMfaStatus;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class GetMfaStatusQueryValidator : AbstractValidator<GetMfaStatusQuery>
{
}
