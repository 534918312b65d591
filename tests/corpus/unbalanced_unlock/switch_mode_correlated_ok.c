// SPDX-License-Identifier: GPL-2.0
/*
 * A hardware spinlock's trylock in the style of __hwspin_trylock(): the
 * mode picks the flavour of the software lock in one switch, and the undo
 * path picks the matching unlock in a second switch on the same mode.
 * Each case of the second switch runs only after the same case of the
 * first.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

#define HWSL_IRQSTATE	1
#define HWSL_IRQ	2
#define HWSL_RAW	3

struct hwsl {
	spinlock_t lock;
	void __iomem *reg;
};

int hwsl_hw_trylock(struct hwsl *hw);

int hwsl_trylock(struct hwsl *hw, int mode, unsigned long *flags)
{
	int ret;

	switch (mode) {
	case HWSL_IRQSTATE:
		ret = spin_trylock_irqsave(&hw->lock, *flags);
		break;
	case HWSL_IRQ:
		ret = spin_trylock_irq(&hw->lock);
		break;
	case HWSL_RAW:
		ret = 1;
		break;
	default:
		ret = spin_trylock(&hw->lock);
		break;
	}
	if (!ret)
		return -EBUSY;

	ret = hwsl_hw_trylock(hw);
	if (!ret) {
		switch (mode) {
		case HWSL_IRQSTATE:
			spin_unlock_irqrestore(&hw->lock, *flags);
			break;
		case HWSL_IRQ:
			spin_unlock_irq(&hw->lock);
			break;
		case HWSL_RAW:
			break;
		default:
			spin_unlock(&hw->lock);
			break;
		}
		return -EBUSY;
	}
	return 0;
}
