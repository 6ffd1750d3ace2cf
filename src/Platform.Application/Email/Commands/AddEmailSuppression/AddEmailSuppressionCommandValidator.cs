using FluentValidation;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.AddEmailSuppression;

internal sealed class AddEmailSuppressionCommandValidator : AbstractValidator<AddEmailSuppressionCommand>
{
    public AddEmailSuppressionCommandValidator()
    {
        RuleFor(x => x.Email).Must(EmailAddress.IsValid).WithMessage("email must be a valid email address.");
        RuleFor(x => x.Note).Must(n => n!.Trim().Length <= EmailSuppression.MaxNoteLength).When(x => x.Note is not null)
            .WithMessage($"note must be at most {EmailSuppression.MaxNoteLength} characters.");
    }
}
