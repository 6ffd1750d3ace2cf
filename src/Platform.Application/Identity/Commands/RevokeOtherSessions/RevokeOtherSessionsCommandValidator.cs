using FluentValidation;

namespace Platform.Application.Identity.Commands.RevokeOtherSessions;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class RevokeOtherSessionsCommandValidator : AbstractValidator<RevokeOtherSessionsCommand>
{
}
