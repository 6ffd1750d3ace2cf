using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Operations.Queries.GetSloRecommendations;

/// <summary>
/// For each route, the p90 of its last <c>Slo:RecommendSampleSize</c> requests across all instances and a threshold
/// of p90 + 20%, to start <c>Slo:Routes</c> from measured traffic. For admins.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record GetSloRecommendationsQuery : IQuery<SloRecommendationsDto>;
