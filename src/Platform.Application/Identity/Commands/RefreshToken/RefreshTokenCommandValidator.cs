using FluentValidation;

namespace Platform.Application.Identity.Commands.RefreshToken;

internal sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator()
    {
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("refresh_token is required.").MaximumLength(200);
    }
}
