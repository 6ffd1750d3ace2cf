using FluentValidation;

namespace Platform.Application.Status.Queries.ListStatusServices;

/// <summary>No inputs beyond the route to check; present so every request has a validator.</summary>
internal sealed class ListStatusServicesQueryValidator : AbstractValidator<ListStatusServicesQuery>
{
}
