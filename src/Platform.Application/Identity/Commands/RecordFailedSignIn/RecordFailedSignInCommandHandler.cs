using MediatR;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Identity.Commands.RecordFailedSignIn;

internal sealed class RecordFailedSignInCommandHandler(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IRequestHandler<RecordFailedSignInCommand, bool>
{
    public Task<bool> Handle(RecordFailedSignInCommand request, CancellationToken cancellationToken)
    {
        object changes = request.ConsecutiveFailures is { } count
            ? new { email = request.NormalizedEmail, reason = request.Reason, consecutive_failures = count }
            : new { email = request.NormalizedEmail, reason = request.Reason };
        AuditLog.Add(
            db, currentUser, requestContext, timeProvider.GetUtcNowMicros(), "auth.login_failed", "user", request.UserId, AuditOutcome.Failed,
            changes, actorId: request.UserId);
        return Task.FromResult(true);
    }
}
