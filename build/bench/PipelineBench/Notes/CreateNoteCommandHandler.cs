using MediatR;

namespace PipelineBench.Notes;

/// <summary>Touches no database: whatever the pipeline adds on top of this is the pipeline's own cost.</summary>
internal sealed class CreateNoteCommandHandler(TimeProvider timeProvider) : IRequestHandler<CreateNoteCommand, NoteDto>
{
    public Task<NoteDto> Handle(CreateNoteCommand request, CancellationToken cancellationToken) =>
        Task.FromResult(new NoteDto(Guid.CreateVersion7(), request.Title, request.Body, timeProvider.GetUtcNow()));
}
