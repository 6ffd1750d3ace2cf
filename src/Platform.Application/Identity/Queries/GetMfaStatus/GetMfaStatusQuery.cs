using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Queries.GetMfaStatus;

/// <summary>The signed-in user's second factor: on or off, since when, recovery codes left, and whether their role requires one.</summary>
public sealed record GetMfaStatusQuery : IQuery<MfaStatusDto>;
