using FluentValidation;

namespace Platform.Application.Status.Queries.ListMonitoredServices;

/// <summary>No inputs beyond the route to check; present so every request has a validator.</summary>
internal sealed class ListMonitoredServicesQueryValidator : AbstractValidator<ListMonitoredServicesQuery>
{
}
