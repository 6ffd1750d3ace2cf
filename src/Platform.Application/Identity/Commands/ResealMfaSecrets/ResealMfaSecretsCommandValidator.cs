using FluentValidation;

namespace Platform.Application.Identity.Commands.ResealMfaSecrets;

/// <summary>No inputs to check; present so every request has a validator.</summary>
internal sealed class ResealMfaSecretsCommandValidator : AbstractValidator<ResealMfaSecretsCommand>
{
}
