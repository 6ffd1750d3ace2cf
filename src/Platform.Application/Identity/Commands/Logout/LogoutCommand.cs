using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity.Commands.Logout;

/// <summary>Signs out the session the caller's access token belongs to; its refresh token and access tokens stop working.</summary>
public sealed record LogoutCommand(string? IdempotencyKey = null) : ICommand<RevocationResultDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "sessions.logout";

    public string AuditResourceType => "session";
}
