using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.RemoveEmailSuppression;

internal sealed class RemoveEmailSuppressionCommandHandler(IPlatformDbContext db) : IRequestHandler<RemoveEmailSuppressionCommand, bool>
{
    public async Task<bool> Handle(RemoveEmailSuppressionCommand request, CancellationToken cancellationToken)
    {
        var key = EmailAddress.Normalize(request.Email);
        var suppression = await db.EmailSuppressions.FirstOrDefaultAsync(s => s.Email == key, cancellationToken)
            ?? throw new NotFoundException(EmailErrorCodes.SuppressionNotFound, "This address is not on the suppression list.");
        suppression.EnsureRemovable();
        db.EmailSuppressions.Remove(suppression);
        return true;
    }
}
