using FluentValidation;

namespace Platform.Application.Tickets.Queries.GetTicketComment;

internal sealed class GetTicketCommentQueryValidator : AbstractValidator<GetTicketCommentQuery>
{
    public GetTicketCommentQueryValidator()
    {
        RuleFor(x => x.TicketId).NotEmpty();
        RuleFor(x => x.CommentId).NotEmpty();
    }
}
