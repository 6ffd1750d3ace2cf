using Mapster;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound;

internal sealed class InboundMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<InboundEvent, InboundEventDto>()
            .Map(d => d.Status, s => s.ProcessedAt != null
                ? InboundEventStatus.Processed
                : s.Error != null ? InboundEventStatus.Failed : InboundEventStatus.Pending);
}
