using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.UpdateMonitoredService;

internal sealed class UpdateMonitoredServiceCommandHandler(IPlatformDbContext db, IMonitoredServiceLocks serviceLocks, StatusReadModel readModel, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<UpdateMonitoredServiceCommand, MonitoredServiceDto>
{
    public async Task<MonitoredServiceDto> Handle(UpdateMonitoredServiceCommand request, CancellationToken cancellationToken)
    {
        var service = await serviceLocks.LockForChangeAsync(request.ServiceId, cancellationToken)
            ?? throw new NotFoundException(StatusErrorCodes.ServiceNotFound, "No service has this id.");
        if (request.AcceptedVersions is { } accepted && !accepted.Contains(service.Version))
        {
            throw new PreconditionFailedException();
        }

        if (request.Slug.HasValue && request.Slug.Value != service.Slug
            && await db.MonitoredServices.AnyAsync(s => s.Slug == request.Slug.Value && s.Id != service.Id, cancellationToken))
        {
            throw new ConflictException(StatusErrorCodes.SlugTaken, StatusErrorCodes.SlugTakenMessage);
        }

        var now = timeProvider.GetUtcNowMicros();
        service.Update(
            request.Slug.HasValue ? request.Slug.Value : null,
            request.Name.HasValue ? request.Name.Value : null,
            request.Description.HasValue ? request.Description.Value : null,
            request.Group.HasValue ? request.Group.Value : null,
            request.Group.HasValue,
            request.DisplayOrder.HasValue ? request.DisplayOrder.Value : null,
            now);
        return await readModel.ToDtoAsync(service, now, mapper, cancellationToken);
    }
}
