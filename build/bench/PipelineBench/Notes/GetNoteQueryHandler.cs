using MediatR;

namespace PipelineBench.Notes;

/// <summary>Answers from memory, so the query's figure is the pipeline's cost alone.</summary>
internal sealed class GetNoteQueryHandler : IRequestHandler<GetNoteQuery, NoteDto>
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public Task<NoteDto> Handle(GetNoteQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new NoteDto(request.NoteId, "Printer on fire", "Third floor, near the window.", Created));
}
