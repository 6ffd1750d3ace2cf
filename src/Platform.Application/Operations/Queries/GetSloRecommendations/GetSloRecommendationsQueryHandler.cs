using MediatR;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Observability;

namespace Platform.Application.Operations.Queries.GetSloRecommendations;

internal sealed class GetSloRecommendationsQueryHandler(IRequestSamples samples, IOptions<SloOptions> options, TimeProvider timeProvider)
    : IRequestHandler<GetSloRecommendationsQuery, SloRecommendationsDto>
{
    /// <summary>The margin over the p90: a threshold at the p90 itself would be breached by one request in ten today.</summary>
    private const double Margin = 1.2;

    public async Task<SloRecommendationsDto> Handle(GetSloRecommendationsQuery request, CancellationToken cancellationToken)
    {
        var slo = options.Value;
        var configured = slo.Routes.ToDictionary(r => r.Route, r => r.ThresholdMs, StringComparer.Ordinal);
        var routes = await samples.P90Async(slo.RecommendSampleSize, cancellationToken);
        return new SloRecommendationsDto(
            timeProvider.GetUtcNowMicros(),
            slo.RecommendSampleSize,
            [
                .. routes.OrderBy(r => r.Route, StringComparer.Ordinal).Select(r => new SloRecommendationDto(
                    r.Route,
                    r.Samples,
                    Math.Round(r.P90Ms, 1),
                    Math.Round(r.P90Ms * Margin, 1),
                    configured.TryGetValue(r.Route, out var threshold) ? threshold : null)),
            ]);
    }
}
