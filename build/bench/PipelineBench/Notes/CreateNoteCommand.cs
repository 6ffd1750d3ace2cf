using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace PipelineBench.Notes;

/// <summary>
/// A command with every marker a create carries (idempotent, audited, transactional, a role), so MediatR runs it
/// through all six behaviours.
/// </summary>
[RequiresRole(Role.Agent, Role.Admin)]
internal sealed record CreateNoteCommand(string Title, string Body, string? IdempotencyKey = null)
    : ICommand<NoteDto>, IIdempotentCommand, IAuditedCommand
{
    public string AuditAction => "notes.create";

    public string AuditResourceType => "note";
}
