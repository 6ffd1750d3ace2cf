using FluentValidation;

namespace Platform.Application.Identity.Commands.PruneEndedSessions;

internal sealed class PruneEndedSessionsCommandValidator : AbstractValidator<PruneEndedSessionsCommand>
{
    public PruneEndedSessionsCommandValidator()
    {
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(x => x.MaxBatches).InclusiveBetween(1, 10_000);
    }
}
