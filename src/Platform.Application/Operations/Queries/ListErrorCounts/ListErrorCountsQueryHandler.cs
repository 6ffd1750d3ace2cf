using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Operations.Queries.ListErrorCounts;

internal sealed class ListErrorCountsQueryHandler(IPlatformDbContext db, IErrorCatalogue catalogue, TimeProvider timeProvider)
    : IRequestHandler<ListErrorCountsQuery, ErrorCountsDto>
{
    public async Task<ErrorCountsDto> Handle(ListErrorCountsQuery request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowMicros();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);

        // Buckets are minutes: "the last 5 minutes" is this minute and the 4 before it.
        var day = minute.AddMinutes(-(24 * 60) + 1);
        var hour = minute.AddMinutes(-59);
        var five = minute.AddMinutes(-4);
        var rows = await db.ErrorCounts.AsNoTracking()
            .Where(e => e.Bucket >= day)
            .GroupBy(e => new { e.Code, e.Route, e.Status })
            .Select(g => new
            {
                g.Key.Code,
                g.Key.Route,
                g.Key.Status,
                Day = g.Sum(e => e.Count),
                Hour = g.Sum(e => e.Bucket >= hour ? e.Count : 0),
                Five = g.Sum(e => e.Bucket >= five ? e.Count : 0),
            })
            .ToListAsync(cancellationToken);

        var byCode = rows.ToLookup(r => r.Code, StringComparer.Ordinal);
        var codes = catalogue.Codes.Union(byCode.Select(g => g.Key), StringComparer.Ordinal)
            .Select(code =>
            {
                var routes = byCode[code]
                    .OrderByDescending(r => r.Day).ThenBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Status)
                    .Select(r => new ErrorRouteCountDto(r.Route, r.Status, r.Five, r.Hour, r.Day))
                    .ToList();
                return new ErrorCountDto(code, routes.Sum(r => r.LastFiveMinutes), routes.Sum(r => r.LastHour), routes.Sum(r => r.LastDay), routes);
            })
            .OrderByDescending(c => c.LastDay).ThenByDescending(c => c.LastFiveMinutes).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ErrorCountsDto(now, codes);
    }
}
