using MediatR;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Common;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Writes one audit row for each audited command that succeeds, in the command's transaction: the row exists
/// exactly when the change does (the transaction behaviour saves it with the change). Changes are the command's
/// fields with secrets redacted.
/// </summary>
internal sealed class AuditBehaviour<TRequest, TResponse>(
    IPlatformDbContext db,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IAuditedCommand
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        var resourceId = request.AuditResourceId ?? (response as IHasId)?.Id;
        AuditLog.Add(db, currentUser, requestContext, timeProvider.GetUtcNowMicros(), request.AuditAction, request.AuditResourceType, resourceId, AuditOutcome.Succeeded, request);
        return response;
    }
}
