using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Commands.AddTicketComment;

internal sealed class AddTicketCommentCommandValidator : AbstractValidator<AddTicketCommentCommand>
{
    public AddTicketCommentCommandValidator()
    {
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("body is required.")
            .MaximumLength(TicketRules.CommentMaxLength).WithMessage($"body must be at most {TicketRules.CommentMaxLength} characters.")
            .MultiLine();
    }
}
