import numpy as np
import pytest

from nn_core import accuracy, confusion_matrix


def test_accuracy_and_confusion_matrix():
    y_true = np.array([0, 0, 1, 2, 2, 2])
    y_pred = np.array([0, 1, 1, 2, 2, 0])
    assert accuracy(y_true, y_pred) == pytest.approx(400 / 6)
    cm = confusion_matrix(y_true, y_pred, 3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert cm.sum() == 6 and np.trace(cm) == 4


def test_bad_inputs():
    with pytest.raises(ValueError, match="y_pred has 2 labels but y_true has 3 samples"):
        accuracy(np.array([0, 1, 2]), np.array([0, 1]))
    with pytest.raises(ValueError, match="contains label 3 but there are only 3 classes"):
        confusion_matrix(np.array([0, 3]), np.array([0, 1]), 3)


def test_confusion_matrix_infers_the_number_of_classes():
    # the largest label in either array sets the size: here 3 appears only among the predictions
    cm = confusion_matrix(np.array([0, 1, 2, 2]), np.array([0, 3, 2, 1]))
    assert cm.shape == (4, 4)
    np.testing.assert_array_equal(cm, [[1, 0, 0, 0], [0, 0, 0, 1], [0, 1, 1, 0], [0, 0, 0, 0]])
    assert confusion_matrix(np.array([1, 1]), np.array([1, 1])).tolist() == [[0, 0], [0, 2]]
    assert confusion_matrix(np.array([0, 4]), np.array([0, 4]), 6).shape == (6, 6)  # given: kept
