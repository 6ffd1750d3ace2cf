using FluentValidation;

namespace Platform.Application.Outbox.Commands.RetryOutboxMessage;

internal sealed class RetryOutboxMessageCommandValidator : AbstractValidator<RetryOutboxMessageCommand>
{
    public RetryOutboxMessageCommandValidator()
    {
        RuleFor(x => x.MessageId).NotEmpty();
    }
}
