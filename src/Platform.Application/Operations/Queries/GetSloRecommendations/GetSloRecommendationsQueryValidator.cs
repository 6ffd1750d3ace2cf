using FluentValidation;

namespace Platform.Application.Operations.Queries.GetSloRecommendations;

/// <summary>The query has no inputs; the validator exists so every request has one.</summary>
internal sealed class GetSloRecommendationsQueryValidator : AbstractValidator<GetSloRecommendationsQuery>;
