using FluentValidation;
using Platform.Application.Common.Validation;

namespace Platform.Application.Identity.Commands.RequestOneTimeCode;

internal sealed class RequestOneTimeCodeCommandValidator : AbstractValidator<RequestOneTimeCodeCommand>
{
    public RequestOneTimeCodeCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required.").MaximumLength(320).SingleLine();
    }
}
