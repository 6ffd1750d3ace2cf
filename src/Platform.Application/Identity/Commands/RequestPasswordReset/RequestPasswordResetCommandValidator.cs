using FluentValidation;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Commands.RequestPasswordReset;

internal sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
    }
}
