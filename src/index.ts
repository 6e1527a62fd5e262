/**
 * vn-poverty: Vietnam's multidimensional-poverty arithmetic, exact and explained.
 *
 * This is the pure core: no I/O, no clock, frozen outputs. File formats and the CLI
 * live in the separate `vn-poverty/io` entry and the `vn-poverty` bin.
 *
 * @packageDocumentation
 */

// --- errors ---------------------------------------------------------------
export { VnPovertyError, issue, fail, parseInput } from './errors/VnPovertyError.js';
export type { VnIssue, VnIssues, RuleRef, IssueInit } from './errors/VnPovertyError.js';

// --- numbers and units ----------------------------------------------------
export { Decimal } from './_internal/_decimal.js';
export { ROUNDING_MODES, roundQuotient } from './numbers/rounding.js';
export type { RoundingMode, RoundingOptions, DecimalsOptions } from './numbers/rounding.js';
export {
  fraction,
  toFraction,
  addFractions,
  subtractFractions,
  multiplyFractions,
  divideFractions,
  sumFractions,
  compareFractions,
  roundFraction,
  fractionToDecimal,
  isIntegerFraction,
} from './numbers/fraction.js';
export type { Fraction, ExactInput } from './numbers/fraction.js';
export { rate, exactRate } from './numbers/rate.js';
export type { RateOptions, Count } from './numbers/rate.js';
export { toDong, fromDong, dongIn, dong, sumDong, DONG_PER_UNIT, MONEY_UNIT_LABELS, MONEY_UNITS } from './numbers/money.js';
export type { Dong, MoneyUnit, ToDongOptions } from './numbers/money.js';
export { parseVnNumber, parseExactVnNumber } from './numbers/parseVnNumber.js';
export type { ParsedVnNumber, ParseVnNumberOptions, QuantityKind, NumberQualifier, QualifierMeaning, PrintedUnit } from './numbers/parseVnNumber.js';
export { formatVnNumber } from './numbers/formatVnNumber.js';
export { NUMBER_QUALIFIERS } from './numbers/qualifiers.js';
export type { QualifierWord } from './numbers/qualifiers.js';
export {
  interval,
  pointInterval,
  UNBOUNDED_INTERVAL,
  isPointInterval,
  addIntervals,
  negateInterval,
  subtractIntervals,
  sumIntervals,
  scaleInterval,
  divideIntervals,
  intersectIntervals,
  intervalsMeet,
  intervalGap,
  hullIntervals,
  widenInterval,
  intervalContains,
  formatInterval,
} from './numbers/interval.js';
export type { Interval, IntervalBound, IntervalOptions, FormatIntervalOptions } from './numbers/interval.js';
export { printedInterval, toViNumberText, roundingPreimage, qualifiedInterval, approximationWidth, DEFAULT_APPROXIMATIONS, QUALIFIER_INTERVALS } from './numbers/printedInterval.js';
export type { PrintedInterval, PrintedIntervalOptions, NumberFormat, Approximation, ApproximationRules } from './numbers/printedInterval.js';
export type { FormatVnNumberOptions } from './numbers/formatVnNumber.js';
export { apportion, roundEachPart } from './numbers/apportion.js';
export type { Apportionment, ApportionOptions, RoundedParts } from './numbers/apportion.js';

// --- Vietnamese text ------------------------------------------------------
export { foldVietnamese, normalizeNfc } from './text/foldVietnamese.js';

// --- calendar dates -------------------------------------------------------
export { toIsoDate, isoDateFromParts, dateParts, compareIsoDates, isLeapYear, daysInMonth } from './dates/calendarDate.js';
export type { IsoDate, DateInput, DateParts, ReferenceDateOptions } from './dates/calendarDate.js';
export { parseVnDate, formatVnDate } from './dates/vnDate.js';
export type { VnDateStyle, FormatVnDateOptions } from './dates/vnDate.js';

// --- standards and household classification (issue: classification) -------
export { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI, statusRank } from './standards/householdStatus.js';
export type { HouseholdStatus } from './standards/householdStatus.js';
export { AREAS, AREA_LABELS_VI, EDUCATION_LEVELS, householdSchema, memberSchema, dwellingSchema } from './standards/household.js';
export type { Area, WorkStatus, EducationLevel, Durability, InformationDevice, HouseholdInput, MemberInput, DwellingInput, Household, Member } from './standards/household.js';
export { SCHOOL_LEVELS, WATER_SOURCES } from './standards/household.js';
export type { SchoolLevel, WaterSource } from './standards/household.js';
export {
  SCHOOL_LEVEL_FOR_AGE,
  LISTED_WATER_SOURCES,
  ALTERNATIVE_PREDICATES,
  schoolAttendanceAtLevel,
  schoolAttendanceAtLevelDeprived,
  waterSourceNotListed,
  waterSourceNotListedDeprived,
} from './standards/alternativePredicates.js';
export type { SchoolLevelForAge, AlternativePredicate } from './standards/alternativePredicates.js';
export {
  INDICATOR_IDS,
  DIMENSION_IDS,
  ND07_2021_INDICATORS,
  QD59_2015_INDICATORS,
  ND351_2025_INDICATORS,
  MIN_FLOOR_AREA_PER_PERSON,
  dimensionsOf,
  employmentDeprived,
  dependantsDeprived,
  nutritionDeprived,
  healthInsuranceDeprived,
  healthAccessDeprived,
  adultEducationDeprived,
  schoolAttendanceDeprived,
  housingQualityDeprived,
  housingAreaDeprived,
  waterSourceDeprived,
  latrineDeprived,
  telecomDeprived,
  informationDevicesDeprived,
  wasteTreatmentDeprived,
} from './standards/indicators.js';
export type { Confirmation, IndicatorId, DimensionId, IndicatorPredicate, IndicatorDefinition, DimensionDefinition } from './standards/indicators.js';
export { QD59_2015, ND07_2021, ND351_2025, POVERTY_STANDARDS, standardFor } from './standards/standards.js';
export type { PovertyStandard, AreaLines, StandardRule, StandardRules, StandardForOptions } from './standards/standards.js';
export { decideStatus, ruleOf, assertPovertyStandard } from './standards/decideStatus.js';
export type { DecidingRuleId, LineKind, StatusDecision } from './standards/decideStatus.js';
export { classifyHousehold } from './standards/classifyHousehold.js';
export type {
  ClassifyHouseholdOptions,
  HouseholdClassification,
  IndicatorResult,
  IndicatorOrigin,
  IndicatorConflict,
  ConflictResolution,
  UnusedFlagPolicy,
  DecidingRule,
  StandardReference,
} from './standards/classifyHousehold.js';
export { classifyHouseholds } from './standards/classifyHouseholds.js';
export type { ClassifyHouseholdsOptions, HouseholdClassifications } from './standards/classifyHouseholds.js';
export { classifyColumns, AREA_CODES } from './standards/classifyColumns.js';
export type { HouseholdColumns, ClassifyColumnsOptions, ColumnClassification } from './standards/classifyColumns.js';
export { classifyRegisterBatch, registerRow, registerRowOf, REGISTER_FLAGS, UNCLASSIFIED, DECIDING_RULE_IDS } from './standards/classifyRegisterBatch.js';
export type { RegisterBatch, ClassifyRegisterBatchOptions, RegisterBatchClassification, RegisterRow } from './standards/classifyRegisterBatch.js';
export { classifyHouseholdStream } from './standards/classifyHouseholdStream.js';
export type { ClassifyHouseholdStreamOptions, HouseholdClassificationBatch, HouseholdFailure, InvalidHouseholdHandling } from './standards/classifyHouseholdStream.js';
export { sumClassificationCounts } from './standards/classificationCounts.js';
export type { ClassificationCounts } from './standards/classificationCounts.js';
// score path: review-form scores A (phiếu B1) and B (phiếu B2)
export { TT07_2021_SCORE_RULE, TT14_2018_SCORE_RULE, SCORE_RULES, scoreRuleFor } from './standards/scoreRules.js';
export type { ScoreRule, ScoreLines } from './standards/scoreRules.js';
export { classifyByScore, scoreRowSchema } from './standards/classifyByScore.js';
export type { ScoreInput, ScoreRowInput, ClassifyByScoreOptions, ClassificationCore, ScoreClassification } from './standards/classifyByScore.js';
export { classifyByScores } from './standards/classifyByScores.js';
export type { ClassifyByScoresOptions, ScoreClassifications } from './standards/classifyByScores.js';
export { crossCheckScores } from './standards/crossCheckScores.js';
export type { ScoreCheckRowInput, ScoreFindingCode, ScoreFinding, ScoreCrossCheck, CrossCheckScoresOptions } from './standards/crossCheckScores.js';

// --- status over time and eligibility --------------------------------------
export { addCalendarMonths, periodEnd, periodMonths, CIVIL_CODE_PERIOD_RULE } from './dates/civilCodePeriod.js';
export type { PeriodLength, AddCalendarMonthsOptions, PeriodEndOptions } from './dates/civilCodePeriod.js';
export { addDays, epochDay, dateFromEpochDay } from './dates/addDays.js';
export { statusHistory, statusOn, recordIndexOn, statusHistoryInputSchema, REVIEW_TIMING_RULE } from './status/statusHistory.js';
export type { StatusHistory, StatusHistoryInput, StatusHistoryOptions, StatusRecord, StatusRecordInput, StatusOnOptions, ReviewKind } from './status/statusHistory.js';
export { POLICY_WINDOWS, DEFAULT_POLICY_WINDOW, WINDOW_BOUNDS, resolvePolicyWindow } from './status/policyWindows.js';
export type { PolicyWindow, PolicyWindowId, PolicyWindowOptions, WindowAnchor, WindowBound } from './status/policyWindows.js';
export { recentlyEscapedUntil, isWithinWindow, windowAnchors, recentlyEscapedOn, isRecentlyEscaped, hasEscapedPoverty } from './status/recentlyEscaped.js';
export type { RecentlyEscapedUntilOptions, IsWithinWindowOptions, RecentlyEscapedOptions, RecentlyEscapedFinding, RecentlyEscapedReason } from './status/recentlyEscaped.js';
export { reviewTransitions, statusChange, reviewEntrySchema, TRANSITION_RULE } from './status/reviewTransitions.js';
export type {
  ReviewEntry,
  ReviewPlace,
  ReviewTransitions,
  ReviewTransitionsOptions,
  HouseholdTransition,
  StatusChange,
  Movement,
  AreaTransitions,
  PoorFlows,
  NearPoorFlows,
  HouseholdFlows,
  SummaryFlows,
} from './status/reviewTransitions.js';
export {
  NTP_SPRR_2021_2025,
  NTP_SPRR_2021_2025_BENEFICIARIES,
  CAPITAL_TYPES,
  CAPITAL_TYPE_LABELS_VI,
  BENEFICIARY_STATUSES,
  HOUSEHOLD_CIRCUMSTANCES,
  programComponents,
  implementableUnits,
  isSubProject,
  normaliseComponentCode,
  findProgramComponent,
  programComponent,
  projectOf,
} from './program/programStructure.js';
export type {
  ProgramStructure,
  ProgramProject,
  ProgramSubProject,
  ProgramComponent,
  CapitalType,
  Confidence,
  BeneficiaryStatus,
  HouseholdCircumstance,
  TargetGroup,
  TargetGroupLevel,
  ProgramAgency,
  ProgramFunding,
  ProgramTarget,
  ProgramTargetUnit,
  ProgramGap,
} from './program/programStructure.js';
export { NTP_2026_2035, PROGRAMS, programFor } from './program/programs.js';
export type { ProgramForOptions } from './program/programs.js';
export { NTP_SPRR_2021_2025_PRIORITY_GROUPS, HOUSEHOLD_TRAITS } from './program/priorityGroups.js';
export type { PriorityGroup, PriorityGroupId, HouseholdTrait } from './program/priorityGroups.js';
export { householdEligibility, componentEligibility, eligibleHouseholds } from './program/componentEligibility.js';
export type {
  ProgramHousehold,
  EligibilityOptions,
  EligibilityReason,
  ComponentEligibility,
  HouseholdEligibility,
  EligibleHousehold,
} from './program/componentEligibility.js';

// --- areas, targets and reconciliation -------------------------------------
export { adminHierarchy, unitsInForce, ancestorsOf, TWO_TIER_FROM, EXAMPLE_ADMIN_UNITS } from './areas/adminHierarchy.js';
export type { AdminUnit, AdminUnitInput, AdminHierarchy, AdminHierarchyOptions, AdminLevel, AdminKind, AreaType, CodeSystem } from './areas/adminHierarchy.js';
export { areaFigures, areaFiguresFromHouseholds, areaRates } from './areas/areaFigures.js';
export type { AreaFigures, AreaFiguresInput, SubgroupFigures, ClassifiedHousehold, AreaRate, AreaRates, AreaRatesOptions } from './areas/areaFigures.js';
export { rollUpAreas, groupAreas, rollUpByHierarchy } from './areas/rollUpAreas.js';
export type { RollUpAreasOptions, GroupAreasOptions, RollUpByHierarchyOptions } from './areas/rollUpAreas.js';
export { checkAreaFlow } from './areas/checkAreaFlow.js';
export type { AreaFlow, AreaFlowCheck } from './areas/checkAreaFlow.js';
export { areaFlowsFromTransitions } from './areas/checkAreaFlow.js';
export type { NearPoorAreaFlow } from './areas/checkAreaFlow.js';
export { reductionTarget, targetFromText } from './targets/reductionTarget.js';
export type { ReductionTarget, ReductionTargetInput, TargetSubject, TargetForm, TargetFromTextOptions } from './targets/reductionTarget.js';
export { convertTarget, impliedBase, subjectCount } from './targets/convertTarget.js';
export type { TargetBase, TargetAmount, ConvertedTarget, ConvertTargetOptions } from './targets/convertTarget.js';
export { evaluateTarget, evaluatePlan } from './targets/evaluateTarget.js';
export type { TargetEvaluation, EvaluateTargetOptions, PlanExits, EvaluatePlanOptions } from './targets/evaluateTarget.js';
export { splitTarget } from './targets/splitTarget.js';
export type { SplitUnit, SplitMethod, SplitTargetOptions, SplitTargetResult } from './targets/splitTarget.js';
export { printedTableSchema } from './reconcile/printedTable.js';
export type {
  PrintedTable,
  PrintedCell,
  ColumnKind,
  TableColumn,
  TableRow,
  CellRef,
  TableRelation,
  RelationType,
  RowTotalRelation,
  ColumnTotalRelation,
  DifferenceRelation,
  SignedSumRelation,
  RateRelation,
  AverageRelation,
  RowAverageRelation,
  RowAverageRate,
  HeadlineRelation,
  NumberingRelation,
  InequalityRelation,
  InequalityOperator,
  RowInequalityRelation,
  BoundRelation,
  CommonBaseRelation,
  RowChangeRelation,
  ProductRelation,
  TableRowRole,
} from './reconcile/printedTable.js';
export { reconcileTable, assertTableReconciles } from './reconcile/reconcileTable.js';
export type { ReconcileReport, ReconcileIssue, ReconcileIssueCode, ReconcileSeverity, ReconcileShortcut, ReconcileTableOptions, GridRef } from './reconcile/reconcileTable.js';
export { formatReconcileIssue, formatReconcileReport, formatTableLayout } from './reconcile/formatReconcileReport.js';
export { reconcileGrid } from './reconcile/reconcileGrid.js';
export type { GridReconcileReport, ReconcileGridOptions } from './reconcile/reconcileGrid.js';
export { tableSpecSchema, tableFromSpec } from './reconcile/tableSpec.js';
export type {
  TableSpec,
  SpecColumn,
  SpecColumnKind,
  SpecHeader,
  SpecHeaderRows,
  SpecRelation,
  SpecRoles,
  SpecRows,
  SpecRowRef,
  RoleRule,
  RoleWord,
  GridTable,
  TableFromSpecOptions,
  TableLayout,
  LayoutColumn,
  LayoutRowInfo,
  PrintedGrid,
} from './reconcile/tableSpec.js';
export { COMMUNE_TARGETS_SPEC } from './reconcile/communeTargetsLayout.js';
export { COUNTS_AND_RATES_SPEC } from './reconcile/countsAndRatesLayout.js';
export { BUDGET_BY_PROJECT_SPEC } from './budgets/budgetByProjectLayout.js';
export { CAPITAL_BY_TYPE_SPEC } from './budgets/capitalByTypeLayout.js';

export type { FormatReconcileReportOptions } from './reconcile/formatReconcileReport.js';
export { inferCommonBase } from './reconcile/inferCommonBase.js';
export type { CountRatePair, InferCommonBaseOptions, BaseInterval, PairBases, CommonBaseInference } from './reconcile/inferCommonBase.js';
export { LAYOUTS, tableFromLayout } from './layouts.js';
export { HOUSEHOLD_LAYOUTS, tableFromPreset, resolveLayoutOptions } from './reconcile/layouts.js';
export { BUDGET_LAYOUTS } from './budgets/budgetLayouts.js';
export type { TableFromLayoutOptions } from './reconcile/layouts.js';
export type { LayoutPreset, LayoutOption } from './reconcile/layoutPreset.js';
export { presetFromSpec, presetSpecOptions, UNIT_FROM_HEADER } from './reconcile/layoutPreset.js';
export { readLayoutRows, roleTotals } from './reconcile/layoutRows.js';
export type { LayoutRow, ReadLayoutRowsOptions, RowRole, RoleTotalsOptions } from './reconcile/layoutRows.js';
export { communeTargetsLayout, COMMUNE_TARGETS_COLUMNS, layoutRowLabel, RATE_ROUNDING_OPTION } from './reconcile/communeTargetsLayout.js';
export { countsAndRatesLayout, COUNTS_AND_RATES_COLUMNS } from './reconcile/countsAndRatesLayout.js';

// --- review reports (summary form, standard reports) ------------------------
export { POVERTY_CAUSES, POVERTY_CAUSE_LABELS_VI, reviewedHouseholdSchema } from './reports/reviewedHousehold.js';
export type { PovertyCause, ChildCounts, ReviewedHousehold } from './reports/reviewedHousehold.js';
export type { ReportCell, ReportOptions } from './reports/reportCell.js';
export { summaryForm, summaryFormUnits } from './reports/summaryForm.js';
export { summaryForms } from './reports/summaryForm.js';
export type { SummaryFormsOptions } from './reports/summaryForm.js';
export type { SummaryFormUnit, SummaryFormOptions, SummaryFormCell, SummaryFormRow, SummaryFormBlock, SummaryFormFinding, SummaryForm, SummaryFormUnitsOptions } from './reports/summaryForm.js';
export type { EthnicMinorityBase } from './reports/summaryForm.js';
export type { ReportTable } from './reports/reportTable.js';
export { summaryFormTable } from './reports/summaryFormTable.js';
export { summaryFormSpec, SUMMARY_FORM_SPEC, summaryFormLayout, SUMMARY_FORM_COLUMNS } from './reports/summaryFormLayout.js';
export type { SummaryFormSpecOptions } from './reports/summaryFormLayout.js';
export { REPORT_LAYOUTS } from './reports/reportLayouts.js';
export { reviewSummaryTable } from './reports/reviewSummaryTable.js';
export { deprivationTable } from './reports/deprivationTable.js';
export { groupTable } from './reports/groupTable.js';
export { childrenTable } from './reports/childrenTable.js';
export { householdListsTable } from './reports/householdListsTable.js';
export { reviewSummaryReport } from './reports/reviewSummaryReport.js';
export type { ReviewSummaryRow, ReviewSummaryReport } from './reports/reviewSummaryReport.js';
export { deprivationReport } from './reports/deprivationReport.js';
export type { IndicatorCell, DeprivationRow, DeprivationReport, DeprivationReportOptions } from './reports/deprivationReport.js';
export { groupReport } from './reports/groupReport.js';
export type { ReportGrouping, GroupRow, GroupReport, GroupReportOptions } from './reports/groupReport.js';
export { childrenReport } from './reports/childrenReport.js';
export type { ChildrenRow, ChildrenReport } from './reports/childrenReport.js';
export { householdLists } from './reports/householdLists.js';
export type { ListedHousehold, VillageList, HouseholdListsOptions } from './reports/householdLists.js';
export { flowsReport } from './reports/flowsReport.js';
export type { StatusFlows, FlowsRow, FlowsReport, FlowsReportOptions } from './reports/flowsReport.js';
export { flowsTable } from './reports/flowsTable.js';

// --- budgets ----------------------------------------------------------------
export { BUDGET_SOURCES, BUDGET_SOURCE_LABELS_VI } from './budgets/budgetSource.js';
export type { BudgetSource } from './budgets/budgetSource.js';
export { budgetLines, parentProjectCode } from './budgets/budgetLine.js';
export type { BudgetLine, BudgetLineInput, BudgetLinesOptions, AmountInput } from './budgets/budgetLine.js';
export { budgetTotals, BUDGET_DIMENSIONS } from './budgets/budgetTotals.js';
export type { BudgetDimension, BudgetGroupKey, BudgetFilter, BudgetGroup, BudgetTotals, BudgetTotalsOptions } from './budgets/budgetTotals.js';
export { QD_02_2022_COUNTERPART_RULES, COUNTERPART_RULE_SETS } from './budgets/counterpartRules.js';
export type { CounterpartTier, CounterpartRuleSet } from './budgets/counterpartRules.js';
export { counterpartTierFor } from './budgets/counterpartTierFor.js';
export type { CounterpartTierOptions } from './budgets/counterpartTierFor.js';
export { requiredCounterpart } from './budgets/requiredCounterpart.js';
export type { RequiredCounterpart, RequiredCounterpartOptions } from './budgets/requiredCounterpart.js';
export { checkCounterpart } from './budgets/checkCounterpart.js';
export type { CounterpartPlan, CounterpartCheck, CheckCounterpartOptions } from './budgets/checkCounterpart.js';
export { deriveCounterpart } from './budgets/deriveCounterpart.js';
export type { CounterpartRoundingStrategy, DeriveCounterpartOptions, DerivedCounterpart, RoundedColumn } from './budgets/deriveCounterpart.js';
export { counterpartPercentRange } from './budgets/counterpartPercentRange.js';
export type { CounterpartPercentRange, CounterpartPercentRangeOptions, PercentRange } from './budgets/counterpartPercentRange.js';
export { QD_02_2022_CENTRAL_SPLITS, CENTRAL_SPLIT_PARTS } from './budgets/centralSplitRules.js';
export type { CentralSplitPart, CentralSplitRule, CentralSplitRuleSet } from './budgets/centralSplitRules.js';
export { checkCentralSplit } from './budgets/checkCentralSplit.js';
export type { CheckCentralSplitOptions, CentralSplitFinding, CentralSplitCheck } from './budgets/checkCentralSplit.js';
export { allocateByCriteria, formatAllocation } from './budgets/allocateByCriteria.js';
export type { AllocationRecipient, AllocateByCriteriaOptions, AllocationRow, Allocation, FormatAllocationOptions } from './budgets/allocateByCriteria.js';
export { budgetByProjectLayout, BUDGET_BY_PROJECT_COLUMNS } from './budgets/budgetByProjectLayout.js';
export type { BudgetRowRole } from './budgets/budgetByProjectLayout.js';
export { capitalByTypeLayout, CAPITAL_BY_TYPE_COLUMNS } from './budgets/capitalByTypeLayout.js';

// --- measures (Alkire–Foster, FGT) -----------------------------------------
export { nestedWeights, equalNestedWeights } from './measures/nestedWeights.js';
export type {
  NestedWeights,
  NestedWeightsInput,
  DimensionWeightInput,
  IndicatorWeightInput,
  CheckedDimensionWeight,
  CheckedIndicatorWeight,
  EqualDimensionInput,
} from './measures/nestedWeights.js';
export { povertyCutoff } from './measures/povertyCutoff.js';
export type { PovertyCutoff, AppliedCutoff } from './measures/povertyCutoff.js';
export { alkireFoster } from './measures/alkireFoster.js';
export type {
  AlkireFosterOptions,
  AfResult,
  AfMeasures,
  AfIndicatorResult,
  AfDimensionResult,
  AfGapMeasures,
  AfSubgroupResult,
} from './measures/alkireFoster.js';
export type {
  AfData,
  AfDeprivationData,
  AfAchievementData,
  AfColumnarData,
  AfUnitColumns,
  AfInputOptions,
  AfMissingReport,
  AnalysisUnit,
  MissingPolicy,
  DeprivationEntry,
  IntegerColumn,
} from './measures/afData.js';
export { alkireFosterRobustness } from './measures/alkireFosterRobustness.js';
export type { AlkireFosterRobustnessOptions } from './measures/alkireFosterRobustness.js';
export { povertyChange, alkireFosterChange, ANNUALISED_RELATIVE_DECIMALS } from './measures/povertyChange.js';
export type { PovertyChange, PovertyChangeOptions, AlkireFosterChange, AlkireFosterChangeOptions } from './measures/povertyChange.js';
export { fgt, FGT_DECIMAL_DIGITS } from './measures/fgt.js';
export type { FgtUnit, FgtOptions, FgtValue, FgtSubgroup, FgtResult } from './measures/fgt.js';
export {
  vietnamAfProfile,
  ND07_2021_AF_PROFILE,
  QD59_2015_AF_PROFILE,
  alkireFosterFromClassifications,
  alkireFosterFromColumns,
} from './measures/vietnamProfile.js';
export type { VietnamAfProfile, AlkireFosterFromClassificationsOptions, AlkireFosterFromColumnsOptions } from './measures/vietnamProfile.js';

// --- results as JSON ----------------------------------------------------------
export { toJsonResult, fromJsonResult, JSON_RESULT_FORMAT } from './json/jsonResult.js';
export type { JsonResult, JsonValueType, JsonTypedArrayName, JsonTypeEntry, JsonValue } from './json/jsonResult.js';
// --- measures: groupings, survey designs, standard errors, long tables, more measures ---
export type { AfByValues, AfByCodes } from './measures/afData.js';
export type { AfGroupingResult } from './measures/alkireFoster.js';
export { surveyDesign } from './measures/surveyDesign.js';
export type { SurveyDesign, SurveyDesignInput, SurveyDesignOptions, LonelyPsuPolicy, DesignColumn } from './measures/surveyDesign.js';
export { confidenceInterval, intervalBounds, INTERVAL_DIGITS } from './measures/confidenceInterval.js';
export type { ConfidenceIntervalOptions, AppliedInterval } from './measures/confidenceInterval.js';
export type { LongTable, LongTableRow } from './measures/longTable.js';
export { alkireFosterEstimates } from './measures/alkireFosterEstimates.js';
export type { AlkireFosterEstimates, AlkireFosterEstimatesOptions, AfRounds } from './measures/alkireFosterEstimates.js';
export { incomePovertyEstimates } from './measures/incomePovertyEstimates.js';
export type { IncomePovertyEstimatesOptions, IncomeMeasure } from './measures/incomePovertyEstimates.js';
export { watts, WATTS_DECIMAL_DIGITS } from './measures/watts.js';
export type { WattsOptions, WattsValue, WattsResult, ZeroIncomePolicy } from './measures/watts.js';
export { senIndex, sstIndex } from './measures/senIndex.js';
export type { SenValue, SstValue, WithSubgroups } from './measures/senIndex.js';
export { gini, lorenzCurve } from './measures/gini.js';
export type { DistributionValue, GiniValue, GiniResult, LorenzPoint, WeightedValue } from './measures/gini.js';
export type { IncomeOptions } from './measures/_incomeUnits.js';
export { afScoreDistribution } from './measures/afScoreDistribution.js';
export type { ScoreCount, ScoreDistribution, AfScoreDistributionResult } from './measures/afScoreDistribution.js';
export { indicatorAssociation } from './measures/indicatorAssociation.js';
export type { IndicatorAssociationOptions, IndicatorPair, IndicatorAssociation, IndicatorAssociationResult } from './measures/indicatorAssociation.js';
// --- whole documents: tables understood, prose claims, checkDocument --------
export { foldVietnameseKeepingLength } from './text/foldVietnamese.js';
export { documentModel, documentModelSchema, cellTextAt } from './documents/documentModel.js';
export type {
  DocumentModel,
  DocumentBlock,
  DocumentBlockInput,
  DocumentParagraph,
  DocumentTable,
  DocumentCell,
  DocumentFormat,
  NotReadCode,
  DocumentModelOptions,
  BlockPosition,
  GridAddress,
} from './documents/documentModel.js';
export { documentTableLayoutSchema, printedTableFromLayout } from './documents/tableLayout.js';
export type { DocumentTableLayout, DocumentLayoutColumn, DocumentColumnKind, DocumentLayoutRow, DocumentRowRole, MeanRowRate, LayoutRelation, LayoutDifference, LayoutColumnSum, LayoutRate, LayoutAverage, LayoutNumbering, LayoutPartOf, LayoutRowChange, LayoutProduct, LayoutNonNegative } from './documents/tableLayout.js';
export { specFromLayout, gridOf } from './documents/specFromLayout.js';
export type { LayoutAsSpec } from './documents/specFromLayout.js';
export { understandTable } from './documents/understandTable.js';
export type { TableUnderstanding, UnderstandTableOptions, RelationEvidence } from './documents/understandTable.js';
export { extractClaims, MAX_CLAIM_PARAGRAPH } from './documents/proseClaims.js';
export type {
  ProseClaims,
  DocumentClaim,
  TotalWithPartsClaim,
  RateCountClaim,
  PercentOfPlanClaim,
  ReductionTargetClaim,
  TableFigureClaim,
  ChangeClaim,
  YearlyAverageClaim,
  FlowClaim,
  NetChangeClaim,
  RatioClaim,
  YearlyChangesClaim,
  AgainstPlanClaim,
  ClaimFigure,
  TextLocation,
  UncheckedSentence,
} from './documents/proseClaims.js';
export type { ProseFigure, FigureDimension } from './documents/_proseFigures.js';
export { checkDocument } from './documents/checkDocument.js';
export type { CheckDocumentOptions } from './documents/checkDocument.js';
export { DEFAULT_QUALIFIER_BOUNDS } from './documents/qualifierBounds.js';
export type { BoundRule, QualifierBounds } from './documents/qualifierBounds.js';
export type { CheckReport, CheckFinding, CheckSeverity, FindingLocation, CheckedTable, CheckedClaim, UncheckedItem } from './documents/checkReport.js';
export { formatCheckReport, formatCheckFinding, formatLocation, formatEvidence } from './documents/formatCheckReport.js';
export type { FormatCheckReportOptions } from './documents/formatCheckReport.js';
export { reconcileInferred, formatInferredLayout } from './documents/reconcileInferred.js';
export type { ReconcileInferredOptions, InferredLayout, InferredReconcileReport } from './documents/reconcileInferred.js';
