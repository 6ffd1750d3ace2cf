using FluentValidation;

namespace Platform.Application.Identity.Commands.RecordFailedSignIn;

internal sealed class RecordFailedSignInCommandValidator : AbstractValidator<RecordFailedSignInCommand>
{
    public RecordFailedSignInCommandValidator()
    {
        RuleFor(x => x.Reason).NotEmpty();
    }
}
