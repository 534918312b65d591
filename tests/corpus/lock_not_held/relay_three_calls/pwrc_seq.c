// SPDX-License-Identifier: GPL-2.0
/*
 * Second relay: the sequencer adds the ramp delay and hands on to
 * pwrc_rail_set(); it does not touch the chip lock either.
 */
#include <linux/delay.h>
#include "pwrc.h"

void pwrc_rail_sequence(struct pwrc_rail *rail, bool on)
{
	if (!on && rail->always_on)
		return;
	pwrc_rail_set(rail, on);
	if (on && rail->ramp_us)
		udelay(rail->ramp_us);
}
