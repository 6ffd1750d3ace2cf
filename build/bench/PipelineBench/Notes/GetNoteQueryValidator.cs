using FluentValidation;

namespace PipelineBench.Notes;

internal sealed class GetNoteQueryValidator : AbstractValidator<GetNoteQuery>
{
    public GetNoteQueryValidator()
    {
        RuleFor(x => x.NoteId).NotEmpty();
    }
}
