static DEFINE_MUTEX(m);
void f(void)
{
	mutex_lock(&m);
l0:
	goto l1;
l1:
	goto l2;
l2:
	goto l3;
l3:
	goto l4;
l4:
	goto l5;
l5:
	goto l6;
l6:
	goto l7;
l7:
	goto l8;
l8:
	goto l9;
l9:
	goto l10;
l10:
	goto l11;
l11:
	goto l12;
l12:
	goto l13;
l13:
	goto l14;
l14:
	goto l15;
l15:
	goto l16;
l16:
	goto l17;
l17:
	goto l18;
l18:
	goto l19;
l19:
	goto l20;
l20:
	goto l21;
l21:
	goto l22;
l22:
	goto l23;
l23:
	goto l24;
l24:
	goto l25;
l25:
	goto l26;
l26:
	goto l27;
l27:
	goto l28;
l28:
	goto l29;
l29:
	goto l30;
l30:
	goto l31;
l31:
	goto l32;
l32:
	goto l33;
l33:
	goto l34;
l34:
	goto l35;
l35:
	goto l36;
l36:
	goto l37;
l37:
	goto l38;
l38:
	goto l39;
l39:
	goto l40;
l40:
	goto l41;
l41:
	goto l42;
l42:
	goto l43;
l43:
	goto l44;
l44:
	goto l45;
l45:
	goto l46;
l46:
	goto l47;
l47:
	goto l48;
l48:
	goto l49;
l49:
	goto l50;
l50:
	goto l51;
l51:
	goto l52;
l52:
	goto l53;
l53:
	goto l54;
l54:
	goto l55;
l55:
	goto l56;
l56:
	goto l57;
l57:
	goto l58;
l58:
	goto l59;
l59:
	goto l60;
l60:
	goto l61;
l61:
	goto l62;
l62:
	goto l63;
l63:
	goto l64;
l64:
	goto l65;
l65:
	goto l66;
l66:
	goto l67;
l67:
	goto l68;
l68:
	goto l69;
l69:
	goto l70;
l70:
	goto l71;
l71:
	goto l72;
l72:
	goto l73;
l73:
	goto l74;
l74:
	goto l75;
l75:
	goto l76;
l76:
	goto l77;
l77:
	goto l78;
l78:
	goto l79;
l79:
	goto l80;
l80:
	goto l81;
l81:
	goto l82;
l82:
	goto l83;
l83:
	goto l84;
l84:
	goto l85;
l85:
	goto l86;
l86:
	goto l87;
l87:
	goto l88;
l88:
	goto l89;
l89:
	goto l90;
l90:
	goto l91;
l91:
	goto l92;
l92:
	goto l93;
l93:
	goto l94;
l94:
	goto l95;
l95:
	goto l96;
l96:
	goto l97;
l97:
	goto l98;
l98:
	goto l99;
l99:
	goto l100;
l100:
	goto l101;
l101:
	goto l102;
l102:
	goto l103;
l103:
	goto l104;
l104:
	goto l105;
l105:
	goto l106;
l106:
	goto l107;
l107:
	goto l108;
l108:
	goto l109;
l109:
	goto l110;
l110:
	goto l111;
l111:
	goto l112;
l112:
	goto l113;
l113:
	goto l114;
l114:
	goto l115;
l115:
	goto l116;
l116:
	goto l117;
l117:
	goto l118;
l118:
	goto l119;
l119:
	goto l120;
l120:
	goto l121;
l121:
	goto l122;
l122:
	goto l123;
l123:
	goto l124;
l124:
	goto l125;
l125:
	goto l126;
l126:
	goto l127;
l127:
	goto l128;
l128:
	goto l129;
l129:
	goto l130;
l130:
	goto l131;
l131:
	goto l132;
l132:
	goto l133;
l133:
	goto l134;
l134:
	goto l135;
l135:
	goto l136;
l136:
	goto l137;
l137:
	goto l138;
l138:
	goto l139;
l139:
	goto l140;
l140:
	goto l141;
l141:
	goto l142;
l142:
	goto l143;
l143:
	goto l144;
l144:
	goto l145;
l145:
	goto l146;
l146:
	goto l147;
l147:
	goto l148;
l148:
	goto l149;
l149:
	goto l150;
l150:
	goto l151;
l151:
	goto l152;
l152:
	goto l153;
l153:
	goto l154;
l154:
	goto l155;
l155:
	goto l156;
l156:
	goto l157;
l157:
	goto l158;
l158:
	goto l159;
l159:
	goto l160;
l160:
	goto l161;
l161:
	goto l162;
l162:
	goto l163;
l163:
	goto l164;
l164:
	goto l165;
l165:
	goto l166;
l166:
	goto l167;
l167:
	goto l168;
l168:
	goto l169;
l169:
	goto l170;
l170:
	goto l171;
l171:
	goto l172;
l172:
	goto l173;
l173:
	goto l174;
l174:
	goto l175;
l175:
	goto l176;
l176:
	goto l177;
l177:
	goto l178;
l178:
	goto l179;
l179:
	goto l180;
l180:
	goto l181;
l181:
	goto l182;
l182:
	goto l183;
l183:
	goto l184;
l184:
	goto l185;
l185:
	goto l186;
l186:
	goto l187;
l187:
	goto l188;
l188:
	goto l189;
l189:
	goto l190;
l190:
	goto l191;
l191:
	goto l192;
l192:
	goto l193;
l193:
	goto l194;
l194:
	goto l195;
l195:
	goto l196;
l196:
	goto l197;
l197:
	goto l198;
l198:
	goto l199;
l199:
	goto l200;
l200:
	goto l201;
l201:
	goto l202;
l202:
	goto l203;
l203:
	goto l204;
l204:
	goto l205;
l205:
	goto l206;
l206:
	goto l207;
l207:
	goto l208;
l208:
	goto l209;
l209:
	goto l210;
l210:
	goto l211;
l211:
	goto l212;
l212:
	goto l213;
l213:
	goto l214;
l214:
	goto l215;
l215:
	goto l216;
l216:
	goto l217;
l217:
	goto l218;
l218:
	goto l219;
l219:
	goto l220;
l220:
	goto l221;
l221:
	goto l222;
l222:
	goto l223;
l223:
	goto l224;
l224:
	goto l225;
l225:
	goto l226;
l226:
	goto l227;
l227:
	goto l228;
l228:
	goto l229;
l229:
	goto l230;
l230:
	goto l231;
l231:
	goto l232;
l232:
	goto l233;
l233:
	goto l234;
l234:
	goto l235;
l235:
	goto l236;
l236:
	goto l237;
l237:
	goto l238;
l238:
	goto l239;
l239:
	goto l240;
l240:
	goto l241;
l241:
	goto l242;
l242:
	goto l243;
l243:
	goto l244;
l244:
	goto l245;
l245:
	goto l246;
l246:
	goto l247;
l247:
	goto l248;
l248:
	goto l249;
l249:
	goto l250;
l250:
	goto l251;
l251:
	goto l252;
l252:
	goto l253;
l253:
	goto l254;
l254:
	goto l255;
l255:
	goto l256;
l256:
	goto l257;
l257:
	goto l258;
l258:
	goto l259;
l259:
	goto l260;
l260:
	goto l261;
l261:
	goto l262;
l262:
	goto l263;
l263:
	goto l264;
l264:
	goto l265;
l265:
	goto l266;
l266:
	goto l267;
l267:
	goto l268;
l268:
	goto l269;
l269:
	goto l270;
l270:
	goto l271;
l271:
	goto l272;
l272:
	goto l273;
l273:
	goto l274;
l274:
	goto l275;
l275:
	goto l276;
l276:
	goto l277;
l277:
	goto l278;
l278:
	goto l279;
l279:
	goto l280;
l280:
	goto l281;
l281:
	goto l282;
l282:
	goto l283;
l283:
	goto l284;
l284:
	goto l285;
l285:
	goto l286;
l286:
	goto l287;
l287:
	goto l288;
l288:
	goto l289;
l289:
	goto l290;
l290:
	goto l291;
l291:
	goto l292;
l292:
	goto l293;
l293:
	goto l294;
l294:
	goto l295;
l295:
	goto l296;
l296:
	goto l297;
l297:
	goto l298;
l298:
	goto l299;
l299:
	goto l300;
l300:
	mutex_unlock(&m);
}
