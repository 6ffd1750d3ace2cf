using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailSuppressions;

internal sealed class ListEmailSuppressionsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListEmailSuppressionsQuery, Page<EmailSuppressionDto>>
{
    public async Task<Page<EmailSuppressionDto>> Handle(ListEmailSuppressionsQuery request, CancellationToken cancellationToken)
    {
        var query = db.EmailSuppressions.AsNoTracking();
        var email = request.Email is null ? null : EmailAddress.Normalize(request.Email);
        if (email is not null)
        {
            query = query.Where(s => s.Email == email);
        }

        // Newest first (ix_email_suppressions_created); ids are UUIDv7, so they break ties in the same order.
        var list = KeysetLists.NewestFirst<EmailSuppression, EmailSuppressionDto>(
            $"email-suppressions:{email}",
            s => s.CreatedAt,
            q => q.ProjectToDto<EmailSuppressionDto>(mapper.Config),
            s => new KeysetPosition(s.CreatedAt, s.Id));
        return await query.ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }
}
