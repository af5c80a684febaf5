package io.tessera.planner.rules;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayReduce;
import io.tessera.planner.rel.ArraySlice;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * Moves a selection on a reduction's kept axes below the reduction, so only the selected outputs
 * are reduced (and only their chunks read).
 */
public final class SliceReduceTransposeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceReduceTransposeRule",
            b -> b.operand(ArraySlice.class)
                    .predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArrayReduce
                            && slice.selection().keepsAxisOrder())
                    .anyInputs(),
            SliceReduceTransposeRule::new);

    private SliceReduceTransposeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArrayReduce reduce = (ArrayReduce) ArrayRels.unwrap(slice.getInput(0));
        Selection outer = slice.selection();
        long[] operandShape = reduce.operandShape();
        boolean[] shown = new boolean[outer.inputRank()];
        for (int k = 0; k < outer.outputRank(); k++) {
            shown[outer.outputAxis(k)] = true;
        }
        List<AxisSelection> axes = new ArrayList<>();
        List<Integer> output = new ArrayList<>();
        List<Integer> newAxes = new ArrayList<>();
        for (int axis = 0, o = 0; axis < operandShape.length; axis++) {
            if (reduce.reduces(axis)) {
                if (reduce.keepdims()) {
                    if (!shown[o] || outer.axis(o).count() != 1) {
                        return; // bail out: dropping or emptying a kept-dims reduced axis changes the reduction
                    }
                    o++;
                }
                axes.add(AxisSelection.all(operandShape[axis]));
                newAxes.add(output.size());
                output.add(axis);
            } else {
                axes.add(outer.axis(o));
                if (shown[o]) {
                    output.add(axis);
                }
                o++;
            }
        }
        Selection operandSelection = new Selection(axes, output.stream().mapToInt(Integer::intValue).toArray());
        ArrayBuilder builder = ArrayBuilder.of(slice.getCluster());
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : reduce.getInputs()) {
            ArrayRel array = ArrayRels.unwrap(input);
            Selection selection = BroadcastSelections.forInput(operandSelection, operandShape, array.shape());
            inputs.add(selection.isAll(array.shape()) ? input : builder.slice(input, selection));
        }
        int[] reducedAxes = newAxes.stream().mapToInt(Integer::intValue).toArray();
        ChunkGrid operandChunks = ChunkGrids.select(reduce.operandChunks(), operandSelection);
        call.transformTo(reduce.with(inputs, reduce.operand(), operandSelection.outputShape(), operandChunks,
                reducedAxes, ChunkGrids.reduce(operandChunks, reducedAxes, reduce.keepdims())));
    }
}
