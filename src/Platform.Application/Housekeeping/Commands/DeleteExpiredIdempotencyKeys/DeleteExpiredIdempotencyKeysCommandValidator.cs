using FluentValidation;

namespace Platform.Application.Housekeeping.Commands.DeleteExpiredIdempotencyKeys;

internal sealed class DeleteExpiredIdempotencyKeysCommandValidator : AbstractValidator<DeleteExpiredIdempotencyKeysCommand>
{
    public DeleteExpiredIdempotencyKeysCommandValidator()
    {
        RuleFor(x => x.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(x => x.MaxBatches).InclusiveBetween(1, 10_000);
    }
}
