using FluentValidation;

namespace Platform.Application.Status.Queries.GetStatusPage;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class GetStatusPageQueryValidator : AbstractValidator<GetStatusPageQuery>
{
}
