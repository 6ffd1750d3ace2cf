using FluentValidation;
using Platform.Application.Common.Validation;

namespace PipelineBench.Notes;

/// <summary>Rules of the size real commands have (required, bounded, no control characters), all passing.</summary>
internal sealed class CreateNoteCommandValidator : AbstractValidator<CreateNoteCommand>
{
    public CreateNoteCommandValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(x => x.Body).NotEmpty().MaximumLength(10_000).MultiLine();
    }
}
