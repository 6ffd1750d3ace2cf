using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateMonitoredService;

internal sealed class CreateMonitoredServiceCommandHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<CreateMonitoredServiceCommand, MonitoredServiceDto>
{
    public async Task<MonitoredServiceDto> Handle(CreateMonitoredServiceCommand request, CancellationToken cancellationToken)
    {
        if (await db.MonitoredServices.AnyAsync(s => s.Slug == request.Slug, cancellationToken))
        {
            throw new ConflictException(StatusErrorCodes.SlugTaken, StatusErrorCodes.SlugTakenMessage);
        }

        var now = timeProvider.GetUtcNowMicros();
        var service = MonitoredService.Create(request.Slug, request.Name, request.Description ?? string.Empty, request.Group, request.DisplayOrder ?? 0, now);
        db.MonitoredServices.Add(service);
        return service.ToDto(new Dictionary<Guid, (ServiceStatus, DateTimeOffset)>(), mapper);
    }
}
