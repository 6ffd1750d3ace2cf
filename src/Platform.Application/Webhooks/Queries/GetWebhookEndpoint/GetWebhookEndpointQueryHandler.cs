using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Queries.GetWebhookEndpoint;

internal sealed class GetWebhookEndpointQueryHandler(IPlatformDbContext db, IMapper mapper) : IRequestHandler<GetWebhookEndpointQuery, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(GetWebhookEndpointQuery request, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Id == request.EndpointId)
            .ProjectToDto<WebhookEndpointDto>(mapper.Config)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(WebhookErrorCodes.EndpointNotFound, "No webhook endpoint has this id.");
}
