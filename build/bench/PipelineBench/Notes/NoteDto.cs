using Platform.Application.Common.Messaging;

namespace PipelineBench.Notes;

/// <summary>A small response, the size of a ticket summary: the audit row takes its id, the idempotency row stores it.</summary>
internal sealed record NoteDto(Guid Id, string Title, string Body, DateTimeOffset CreatedAt) : IHasId;
