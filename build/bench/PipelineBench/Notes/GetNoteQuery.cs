using Platform.Application.Common.Messaging;

namespace PipelineBench.Notes;

/// <summary>A read: logging, authorisation and validation apply; the command-only behaviours must not.</summary>
internal sealed record GetNoteQuery(Guid NoteId) : IQuery<NoteDto>;
