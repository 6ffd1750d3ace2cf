using FluentValidation;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredRateLimitCounters;

internal sealed class DeleteExpiredRateLimitCountersCommandValidator : AbstractValidator<DeleteExpiredRateLimitCountersCommand>
{
    public DeleteExpiredRateLimitCountersCommandValidator()
    {
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
    }
}
