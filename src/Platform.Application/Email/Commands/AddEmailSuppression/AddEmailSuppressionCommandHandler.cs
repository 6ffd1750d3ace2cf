using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Commands.AddEmailSuppression;

internal sealed class AddEmailSuppressionCommandHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<AddEmailSuppressionCommand, EmailSuppressionDto>
{
    public const string AlreadySuppressedMessage = "This address is already on the suppression list.";

    public async Task<EmailSuppressionDto> Handle(AddEmailSuppressionCommand request, CancellationToken cancellationToken)
    {
        var key = EmailAddress.Normalize(request.Email);
        if (await db.EmailSuppressions.AnyAsync(s => s.Email == key, cancellationToken))
        {
            throw new ConflictException(EmailErrorCodes.AlreadySuppressed, AlreadySuppressedMessage);
        }

        var suppression = EmailSuppression.Manual(request.Email, request.Note, timeProvider.GetUtcNowMicros());
        db.EmailSuppressions.Add(suppression);
        return mapper.Map<EmailSuppressionDto>(suppression);
    }
}
