using FluentValidation;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.RemoveEmailSuppression;

internal sealed class RemoveEmailSuppressionCommandValidator : AbstractValidator<RemoveEmailSuppressionCommand>
{
    public RemoveEmailSuppressionCommandValidator()
    {
        RuleFor(x => x.Email).Must(e => e.Trim().Length is >= 3 and <= EmailAddress.MaxLength)
            .WithMessage("email must be an email address.");
    }
}
