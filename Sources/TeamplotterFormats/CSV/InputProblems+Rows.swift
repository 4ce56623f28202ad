import TeamplotterCore

extension InputProblems {
    /// The same problems with their rows moved down by `rows`: for a part of a file read on its
    /// own, numbered from 1, once the rows before it are known.
    func shiftingRows(by rows: Int) -> InputProblems {
        guard rows != 0 else { return self }
        var shifted = self
        for index in shifted.problems.indices {
            if let row = shifted.problems[index].location.row { shifted.problems[index].location.row = row + rows }
        }
        return shifted
    }
}
