using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateStatusService;

internal sealed class CreateStatusServiceCommandHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<CreateStatusServiceCommand, StatusServiceDto>
{
    public async Task<StatusServiceDto> Handle(CreateStatusServiceCommand request, CancellationToken cancellationToken)
    {
        if (await db.StatusServices.AnyAsync(s => s.Slug == request.Slug, cancellationToken))
        {
            throw new ConflictException(StatusErrorCodes.SlugTaken, StatusErrorCodes.SlugTakenMessage);
        }

        var now = timeProvider.GetUtcNowMicros();
        var service = StatusService.Create(request.Slug, request.Name, request.Description ?? string.Empty, request.Group, request.DisplayOrder ?? 0, now);
        db.StatusServices.Add(service);
        return service.ToDto(new Dictionary<Guid, (ServiceStatus, DateTimeOffset)>(), mapper);
    }
}
