import numpy as np
import pytest

from nn_core import perceptron

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])


def test_seed_and_or_gates():
    w = np.array([1.0, 1.0])
    assert [perceptron(x, w, -1.5) for x in INPUTS] == [0, 0, 0, 1]
    assert [perceptron(x, w, -0.5) for x in INPUTS] == [0, 1, 1, 1]


def test_batch_of_inputs():
    np.testing.assert_array_equal(perceptron(INPUTS, np.array([1.0, 1.0]), -1.5), [0, 0, 0, 1])


def test_no_line_separates_xor():
    grid = np.linspace(-2, 2, 21)
    for w1 in grid:
        for w2 in grid:
            for b in grid:
                out = perceptron(INPUTS, np.array([w1, w2]), float(b))
                assert out.tolist() != [0, 1, 1, 0]


def test_bad_inputs():
    with pytest.raises(ValueError, match="inputs have 3 values per example but weights has 2"):
        perceptron(np.array([1, 0, 1]), np.array([1.0, 1.0]), 0.0)
    with pytest.raises(TypeError, match="bias must be a finite number"):
        perceptron(np.array([1, 0]), np.array([1.0, 1.0]), "1")
    with pytest.raises(ValueError, match="NaN"):
        perceptron(np.array([np.nan, 0]), np.array([1.0, 1.0]), 0.0)
