using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Status.Queries.GetStatusPage;

/// <summary>
/// Serves the cached snapshot of this instance. Nearly every read is a cache hit, so the handler depends on nothing
/// that costs per request: the database context and the read model are resolved, in a scope of their own, only to
/// rebuild a stale snapshot (one rebuild serves every reader waiting on it, see <see cref="StatusPageCache"/>).
/// </summary>
internal sealed class GetStatusPageQueryHandler(StatusPageCache cache, IServiceScopeFactory scopes)
    : IRequestHandler<GetStatusPageQuery, StatusPageSnapshot>
{
    public Task<StatusPageSnapshot> Handle(GetStatusPageQuery request, CancellationToken cancellationToken) =>
        cache.GetAsync(BuildAsync, cancellationToken);

    private async Task<StatusPageSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatusPageBuilder>().BuildAsync(cancellationToken);
    }
}
