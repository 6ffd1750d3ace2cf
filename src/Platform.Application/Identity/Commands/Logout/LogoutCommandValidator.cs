using FluentValidation;

namespace Platform.Application.Identity.Commands.Logout;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
}
