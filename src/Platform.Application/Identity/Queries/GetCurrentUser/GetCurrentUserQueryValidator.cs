using FluentValidation;

namespace Platform.Application.Identity.Queries.GetCurrentUser;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class GetCurrentUserQueryValidator : AbstractValidator<GetCurrentUserQuery>
{
}
