using Mapster;
using Platform.Application.Common.Messaging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>Ticket DTO maps: member for member. Enums stay enums, as in every DTO (<see cref="WireNames"/>).</summary>
internal sealed class TicketMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Ticket, TicketDto>();
        config.NewConfig<TicketComment, TicketCommentDto>();
    }
}
