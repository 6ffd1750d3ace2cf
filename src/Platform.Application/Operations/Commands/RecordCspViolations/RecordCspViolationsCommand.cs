using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Operations.Commands.RecordCspViolations;

/// <summary>
/// Sent by the CSP report route: logs each violation (URLs without their query, so no token in a URL reaches the log)
/// and counts it by directive and disposition. Browsers send these unauthenticated; nothing is stored.
/// </summary>
[AllowAnonymousRequest]
public sealed record RecordCspViolationsCommand(IReadOnlyList<CspViolation> Violations) : ICommand<int>, INonTransactionalCommand
{
    public const int MaxViolations = 50;
}
